import { getDomain } from 'tldts';

/**
 * Who published a text, read from the addresses in its byline or footer: the domain of a
 * reporter's e-mail ("jane.doe@harbourgazette.vd" -> "harbourgazette.vd") or of the page's
 * address ("https://www.example-news.com/2015/..." -> "example-news.com").
 */

/** A byline or footer line is short; a longer line with an address in it is body text. */
const MAX_LINE_LENGTH = 120;

const EMAIL = /[\p{L}\p{N}._%+-]+@((?:[\p{L}\p{N}-]+\.)+\p{L}{2,})(?![\p{L}\p{N}-])/u;
const URL_IN_LINE = /(?:https?:\/\/|(?<![\p{L}\p{N}.@/-])www\.)[^\s<>()"'«»]+/iu;

/**
 * Addresses at these say nothing about who published the piece: mail providers anyone can use,
 * and the social sites and link shorteners a footer points to.
 */
const GENERIC_DOMAINS = new Set([
  'aol.com',
  'gmail.com',
  'gmx.de',
  'gmx.net',
  'googlemail.com',
  'hotmail.com',
  'icloud.com',
  'libero.it',
  'live.com',
  'mail.ru',
  'me.com',
  'msn.com',
  'orange.fr',
  'outlook.com',
  'proton.me',
  'protonmail.com',
  'web.de',
  'yahoo.com',
  'yandex.ru',
  'bit.ly',
  'facebook.com',
  'instagram.com',
  'linkedin.com',
  'pinterest.com',
  't.co',
  't.me',
  'tiktok.com',
  'twitter.com',
  'wa.me',
  'whatsapp.com',
  'x.com',
  'youtube.com',
]);

/**
 * The domain under which a host is registered ("m.heraldsun.com.au" -> "heraldsun.com.au"),
 * by the Public Suffix List; null for an IP address or what is not a host name.
 */
export function registrableDomain(host: string): string | null {
  const domain = getDomain(host.trim().toLowerCase(), { allowPrivateDomains: true });
  return domain ?? null;
}

/** The registrable domain of a web address (with or without its scheme), or null. */
export function urlDomain(url: string | undefined | null): string | null {
  if (!url) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
  try {
    const host = new URL(withScheme).hostname;
    return host ? registrableDomain(host) : null;
  } catch {
    return null;
  }
}

/** The publisher's domain from an e-mail address in one of `lines`, or null. */
export function emailSource(lines: readonly string[]): string | null {
  for (const line of lines) {
    if (line.length > MAX_LINE_LENGTH) continue;
    const domain = registrableDomainOf(EMAIL.exec(line)?.[1]);
    if (domain) return domain;
  }
  return null;
}

/**
 * The publisher's domain from a web address in one of `lines` (consecutive lines of the
 * file, blank ones included), or null. An address cited inside a sentence that runs over
 * several lines is not the page's own, nor is one inside leftover HTML (a tracking image).
 */
export function urlSource(lines: readonly string[]): string | null {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.length > MAX_LINE_LENGTH || MARKUP.test(line)) continue;
    const runsOn =
      /,$/.test(lines[i - 1]?.trim() ?? '') || /^\p{Ll}/u.test(lines[i + 1]?.trim() ?? '');
    const match = runsOn ? undefined : URL_IN_LINE.exec(line)?.[0];
    const domain = match ? urlDomain(match.replace(/[.,;:!?]+$/, '')) : null;
    if (domain && !GENERIC_DOMAINS.has(domain)) return domain;
  }
  return null;
}

const MARKUP = /<\/?[a-z][^>]*>|\b(?:src|href)\s*=/i;

function registrableDomainOf(host: string | undefined): string | null {
  const domain = host ? registrableDomain(host) : null;
  return domain && !GENERIC_DOMAINS.has(domain) ? domain : null;
}
