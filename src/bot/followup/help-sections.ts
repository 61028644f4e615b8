/**
 * The help card's part beyond the plan's examples: the follow-up as it is for this person (a
 * contact's own round, an admin's commands), or, in a group, how to talk to the bot there.
 */
import { t } from '../../core/texts/catalog';
import type { Language } from '../../core/language';
import type { HelpExtras } from '../cards/answer-cards';
import type { RoleInFollowUp } from '../../usecases/role-in-follow-up';

export function roleHelp(role: RoleInFollowUp, lang: Language, brief = false): HelpExtras {
  const extras: HelpExtras = { sections: [], commands: [] };
  if (role.units.length > 0) {
    const units = role.units.join(', ');
    extras.sections.push({
      title: t('helpMineTitle', lang),
      lines: [role.round ? t('helpMineOpen', lang, { units, ...role.round }) : t('helpMineWaiting', lang, { units })],
    });
    if (role.round) extras.commands.push(t('helpMyRoundCommand', lang));
  }
  if (role.admin && !brief) {
    extras.sections.push({
      title: t('helpAdminTitle', lang),
      lines: t('helpAdminLines', lang, { round: roundSyntax(role.period, lang) }).split('\n'),
    });
    extras.commands.push(t('helpSummaryCommand', lang), t('helpContactsCommand', lang));
    // Codes nobody has named: admins asked to fill them in, at the welcome and every help, until done.
    if (role.unnamedCodes?.length) {
      const shown = role.unnamedCodes.slice(0, 12);
      const codes = shown.join(', ') + (role.unnamedCodes.length > shown.length ? ' …' : '');
      extras.sections.push({
        title: t('helpUnnamedTitle', lang),
        lines: [t('helpUnnamedLine', lang, { n: role.unnamedCodes.length, codes })],
      });
      extras.commands.push(t('helpGlossaryCommand', lang));
    }
  }
  return extras;
}

/** How a round is written in this plan's commands: "<år>", "<år> T1" (a tertial), "<år> H1" (a half-year). */
function roundSyntax(period: RoleInFollowUp['period'], lang: Language): string {
  const year = lang === 'sv' ? '<år>' : '<year>';
  return period === 'tertial' ? `${year} T1` : period === 'half-year' ? `${year} H1` : year;
}

export function groupHelp(botName: string, lang: Language): HelpExtras {
  return { sections: [{ title: t('helpGroupTitle', lang), lines: [t('helpGroupLine', lang, { bot: botName })] }], commands: [] };
}
