/** The paragraph style of quotes in a Word report; Verify report finds quotes by it. */
export const QUOTE_STYLE = 'DossierQuote';
