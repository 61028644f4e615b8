/** A person as an admin types them: an e-mail address (UPN) or an Entra object id. */
import type { Person } from './model';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** An Entra object id or an e-mail/UPN, as an admin types it; anything else is refused. */
export function parsePerson(text: string): Person | null {
  const t = text
    .trim()
    .replace(/^<mailto:([^|>]+)\|[^>]*>$/, '$1')
    .replace(/^mailto:/i, '');
  if (GUID.test(t)) return { aadObjectId: t.toLowerCase() };
  if (EMAIL.test(t) && t.length <= 200) return { upn: t.toLowerCase() };
  return null;
}
