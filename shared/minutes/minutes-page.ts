/**
 * The minutes' printed page, one home for the HTML's @page rule (minutes-html.ts) and the PDF's
 * print options (electron/services/minutes/print-page.ts): A4, with margins wide enough for the
 * running header and the page numbers Chromium draws in them.
 */

export const MINUTES_PAGE_SIZE = 'A4';

/** Margins in millimetres: the header sits in the top one, "n / N" in the bottom one. */
export const MINUTES_MARGIN_MM = { top: 20, right: 16, bottom: 18, left: 16 } as const;

/** The font every part of the minutes is set in: the app's bundled Noto Sans KR (minutes-fonts.ts). */
export const MINUTES_FONT_FAMILY = "'Noto Sans KR'";
