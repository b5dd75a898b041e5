import { t } from '../../i18n/sv';
import { formatDate } from '../../i18n/format';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';

export type SurveyLink = { url: string; qrSvg: string; variant: string; expiresAt: string };

/** A new survey link, shown once: as text to copy and as the server's QR code, printable. */
export function LinkCard({ link }: { link: SurveyLink }) {
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`;
  return (
    <Notice tone="success" title={t.surveys.sentTitle} focus>
      <div className="survey-link">
        <p>{t.surveys.sentText}</p>
        <p>
          <span className="label">{t.surveys.link} ({t.surveys.variants[link.variant]})</span>
          <br />
          <code className="survey-url">{link.url}</code>
        </p>
        <img className="survey-qr" src={qr} alt={t.surveys.qr} width={200} height={200} />
        <p>{t.surveys.expires(formatDate(link.expiresAt.slice(0, 10)))}</p>
        <Button variant="secondary" onPress={() => window.print()}>{t.surveys.print}</Button>
      </div>
    </Notice>
  );
}
