import type { Config } from '../config';

/**
 * The subscribe-message templates we send. WeChat assigns each template an id in the
 * mini-program's admin console; configuration maps our names onto them. A one-time
 * subscription allows one message per tap, and one tap may ask for at most 3 templates.
 */
export const TEMPLATES = ['eventStatus', 'eventReminder', 'progress', 'elderAlert'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

export function templateId(config: Pick<Config, 'templateIds'>, name: TemplateName): string {
  return config.templateIds[name];
}

/** WeChat cuts `thing` fields at 20 characters and refuses longer ones: shorten them ourselves. */
export function thing(text: string, max = 20): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
