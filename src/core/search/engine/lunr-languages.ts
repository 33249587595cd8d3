import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import da from 'lunr-languages/lunr.da.js';
import de from 'lunr-languages/lunr.de.js';
import el from 'lunr-languages/lunr.el.js';
import es from 'lunr-languages/lunr.es.js';
import fi from 'lunr-languages/lunr.fi.js';
import fr from 'lunr-languages/lunr.fr.js';
import hu from 'lunr-languages/lunr.hu.js';
import it from 'lunr-languages/lunr.it.js';
import nl from 'lunr-languages/lunr.nl.js';
import no from 'lunr-languages/lunr.no.js';
import pt from 'lunr-languages/lunr.pt.js';
import ro from 'lunr-languages/lunr.ro.js';
import ru from 'lunr-languages/lunr.ru.js';
import sv from 'lunr-languages/lunr.sv.js';
import tr from 'lunr-languages/lunr.tr.js';

type Plugin = (l: typeof lunr) => void;
type PipelineFn = (token: lunr.Token) => lunr.Token | undefined;
interface LanguageModule {
  stemmer?: PipelineFn;
  stopWordFilter?: PipelineFn;
}

/**
 * The lunr-languages stemmers and stop-word lists, by ISO 639-1 code. Arabic is left out:
 * its stemmer keeps state on `this` at the top level, which is undefined in a bundled module.
 */
const PLUGINS: [string, Plugin][] = [
  ['da', da],
  ['de', de],
  ['el', el],
  ['es', es],
  ['fi', fi],
  ['fr', fr],
  ['hu', hu],
  ['it', it],
  ['nl', nl],
  ['no', no],
  ['pt', pt],
  ['ro', ro],
  ['ru', ru],
  ['sv', sv],
  ['tr', tr],
];

/** Installs lunr-languages into lunr and returns each language's stemmer and stop words. */
export function lunrLanguages(): Map<string, LanguageModule> {
  (stemmerSupport as Plugin)(lunr);
  const out = new Map<string, LanguageModule>();
  const table = lunr as unknown as Record<string, LanguageModule | undefined>;
  for (const [code, plugin] of PLUGINS) {
    plugin(lunr);
    const mod = table[code];
    if (mod) out.set(code, mod);
  }
  return out;
}
