import { SpelledCode } from '../../components/spelled-code';
import { codeGroups } from '../event-text';

/** The check-in code in its two groups of four, as it is read aloud at the door. */
export function CheckinCode({ code }: { code: string }) {
  return <SpelledCode what="签到码" groups={codeGroups(code)} />;
}
