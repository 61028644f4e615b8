/**
 * The help card's part beyond the plan's examples: the follow-up as it is for this person (a
 * contact's own round, an admin's commands), or, in a group, how to talk to the bot there.
 */
import { t } from '../../core/texts/catalog';
import type { Language } from '../../core/language';
import type { HelpExtras } from '../cards/answer-cards';
import type { RoleInFollowUp } from '../../usecases/role-in-follow-up';

export function roleHelp(role: RoleInFollowUp, lang: Language): HelpExtras {
  const extras: HelpExtras = { sections: [], commands: [] };
  if (role.units.length > 0) {
    const units = role.units.join(', ');
    extras.sections.push({
      title: t('helpMineTitle', lang),
      lines: [role.round ? t('helpMineOpen', lang, { units, ...role.round }) : t('helpMineWaiting', lang, { units })],
    });
    if (role.round) extras.commands.push(t('helpMyRoundCommand', lang));
  }
  if (role.admin) {
    extras.sections.push({ title: t('helpAdminTitle', lang), lines: t('helpAdminLines', lang).split('\n') });
    extras.commands.push(t('helpSummaryCommand', lang), t('helpContactsCommand', lang));
  }
  return extras;
}

export function groupHelp(botName: string, lang: Language): HelpExtras {
  return { sections: [{ title: t('helpGroupTitle', lang), lines: [t('helpGroupLine', lang, { bot: botName })] }], commands: [] };
}
