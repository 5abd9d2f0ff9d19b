import { reportSubscriptions } from '../../types/notifications';
import { TEMPLATE_NAMES } from '../../types/notifications-model';
import { defineFunction } from '../core/define-function';
import { getUser } from '../users/users.storage';
import { noticesOf } from './notices';
import { recordChoices } from './subscriptions.storage';

/**
 * The resident's choices in WeChat's subscribe sheet, reported by the mini-program right
 * after the tap. Ids this deployment does not use are ignored (an old build, a template
 * replaced in the admin console).
 */
export default defineFunction(reportSubscriptions, async (input, { services, caller }) => {
  const { templates } = services.config;
  const choices = Object.entries(input.results).flatMap(([id, choice]) => {
    const template = TEMPLATE_NAMES.find((name) => templates[name].id === id);
    return template ? [{ template, kind: templates[template].kind, choice }] : [];
  });
  // Development: the local fake WeChat learns of the tap, as real WeChat does by itself.
  if (services.fakeWechatTap && choices.length > 0) {
    const user = await getUser(services.db, caller.id);
    const known = Object.fromEntries(choices.map((c) => [templates[c.template].id, input.results[templates[c.template].id]!]));
    if (user?.openid) await services.fakeWechatTap(user.openid, known);
  }
  await recordChoices(services.db, caller.id, choices, services.clock.now());
  return noticesOf(services.db, services.config, caller.id);
});
