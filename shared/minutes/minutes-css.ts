/**
 * The minutes' stylesheet, for the screen's preview and for print alike: A4 pages, tables whose
 * header row repeats on every page they cross, rows never split, headings kept with what follows.
 * Its rules hang off the .minutes element (minutesBodyHtml's root), so it serves in a shadow root too.
 */
import { MINUTES_FONT_FAMILY, MINUTES_MARGIN_MM, MINUTES_PAGE_SIZE } from './minutes-page';

const { top, right, bottom, left } = MINUTES_MARGIN_MM;

export const MINUTES_CSS = `
@page { size: ${MINUTES_PAGE_SIZE}; margin: ${top}mm ${right}mm ${bottom}mm ${left}mm; }
body { margin: 0; }
.minutes { color: #111; background: #fff; font-family: ${MINUTES_FONT_FAMILY}, sans-serif; font-size: 9.5pt; line-height: 1.45; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.6pt solid #555; }
h3 { font-size: 10.5pt; margin: 0 0 1.5mm; }
h4 { font-size: 9.5pt; margin: 2mm 0 1mm; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p { margin: 1mm 0; }
.running { color: #444; margin: 0 0 4mm; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.6mm 4mm; margin: 1mm 0; }
dt { font-weight: 700; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #888; padding: 0.8mm 1.6mm; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 700; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.hash { font-size: 8pt; white-space: nowrap; font-variant-numeric: tabular-nums; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.case { break-inside: avoid-page; page-break-inside: avoid; border-top: 0.5pt solid #bbb; padding-top: 2mm; margin-top: 3mm; }
.tally { color: #333; }
.sign-off { display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; margin-top: 10mm; }
.sign-line { border-bottom: 0.6pt solid #111; height: 12mm; margin-bottom: 1mm; }
@media screen { .minutes { padding: 12mm; max-width: 210mm; margin: 0 auto; box-sizing: border-box; } }
`;
