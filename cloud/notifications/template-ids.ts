import { templateIds } from '../../types/notifications';
import { TEMPLATE_NAMES } from '../../types/notifications-model';
import { defineFunction } from '../core/define-function';

/** The mini-program loads these before the tap: requestSubscribeMessage must run inside it. */
export default defineFunction(templateIds, async (_input, { services }) =>
  Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, services.config.templates[name].id])) as Record<(typeof TEMPLATE_NAMES)[number], string>,
);
