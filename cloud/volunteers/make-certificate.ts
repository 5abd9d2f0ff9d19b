import { AppError } from '../../types';
import { shanghaiDay, inShanghai } from '../../types/time';
import { volunteerCertificate } from '../../types/volunteers';
import { defineFunction } from '../core/define-function';
import { getUser } from '../users/users.storage';
import { CERTIFICATE_SIZE, renderCertificate } from './certificate-image';
import { countedMinutes } from './volunteer-view';
import { servicesOf } from './volunteers.storage';

export default defineFunction(volunteerCertificate, async (input, { services, caller }) => {
  const now = services.clock.now();
  const lines = (await servicesOf(services.db, caller.id))
    .filter((r) => inShanghai(r.starts_at).year() === input.year)
    .map((r) => ({ date: inShanghai(r.starts_at).format('M月D日'), title: r.title, minutes: countedMinutes(r, r, now) ?? 0 }))
    .filter((l) => l.minutes > 0);
  if (!lines.length) throw new AppError('NOT_FOUND', `${input.year}年还没有记录到志愿服务时长`);
  let code: Buffer;
  try {
    code = await services.wechat.getUnlimitedQrCode({ scene: `y=${input.year}`, page: 'packages/volunteers/hours/index', width: 280 });
  } catch {
    throw new AppError('WECHAT_UNAVAILABLE');
  }
  const person = await getUser(services.db, caller.id);
  const png = await renderCertificate({
    name: person?.nickname ?? '志愿者',
    year: input.year,
    minutes: lines.reduce((sum, l) => sum + l.minutes, 0),
    services: lines.length,
    lines,
    issuedOn: shanghaiDay(now),
    code,
  });
  return { image: `data:image/png;base64,${png.toString('base64')}`, ...CERTIFICATE_SIZE };
});
