// Only the parts of ECharts the app draws, so the chunk stays small; loaded on demand.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import langSV from 'echarts/lib/i18n/langSV.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);
echarts.registerLocale('SV', langSV);

export { echarts };
