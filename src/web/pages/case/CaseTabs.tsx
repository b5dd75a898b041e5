import type { ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { t } from '../../i18n/sv';
import { ActivitiesTab } from './ActivitiesTab';
import { MeetingsTab } from './MeetingsTab';
import { PlanTab } from './PlanTab';

/**
 * The participant page as the case (issue 10, item 9): overview, plan, meetings, activities. React
 * Aria's tabs: arrow keys move between tabs, Tab moves into the panel.
 */
export function CaseTabs({ enrolmentId, overview }: { enrolmentId: string; overview: ReactNode }) {
  const tabs = t.case.tabs;
  return (
    <Tabs className="case-tabs">
      <TabList aria-label={tabs.label} className="case-tabs__list">
        <Tab id="oversikt" className="case-tabs__tab">{tabs.overview}</Tab>
        <Tab id="plan" className="case-tabs__tab">{tabs.plan}</Tab>
        <Tab id="moten" className="case-tabs__tab">{tabs.meetings}</Tab>
        <Tab id="aktiviteter" className="case-tabs__tab">{tabs.activities}</Tab>
      </TabList>
      <TabPanel id="oversikt" className="case-tabs__panel stack">{overview}</TabPanel>
      <TabPanel id="plan" className="case-tabs__panel"><PlanTab enrolmentId={enrolmentId} /></TabPanel>
      <TabPanel id="moten" className="case-tabs__panel"><MeetingsTab enrolmentId={enrolmentId} /></TabPanel>
      <TabPanel id="aktiviteter" className="case-tabs__panel"><ActivitiesTab enrolmentId={enrolmentId} /></TabPanel>
    </Tabs>
  );
}
