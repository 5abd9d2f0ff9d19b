import type { FakeModule } from './state';
import { bodyOf } from './state';

/** getPhoneNumber: `phone:<11 digits>` is a code for that number, good once (40163 reused). */
export const registerPhone: FakeModule = (app, context) => {
  const used = new Set<string>();
  app.post('/wxa/business/getuserphonenumber', async (req) => {
    const code = String(bodyOf<{ code: string }>(req).code ?? '');
    const reply = (() => {
      const tokenError = context.tokenError(req.query);
      if (tokenError) return tokenError;
      const match = /^phone:(1\d{10})(#.+)?$/.exec(code);
      if (!match) return { errcode: 40029, errmsg: 'invalid code' };
      if (match[2]) {
        if (used.has(code)) return { errcode: 40163, errmsg: 'code been used' };
        used.add(code);
      }
      return { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: match[1], purePhoneNumber: match[1], countryCode: '86' } };
    })();
    context.record('getuserphonenumber', { code }, reply);
    return reply;
  });
};
