import type { minutesCommands } from '../../../../shared/api/commands/minutes';
import { notFound } from '../api-error';
import type { Handler } from '../handler-types';

type C = typeof minutesCommands;

export const addTrustRoot: Handler<C['addTrustRoot']> = (ctx, s) =>
  s.tx(() => {
    const root = s.minutes.trust.add(ctx.body.pem, ctx.user.id);
    s.audit.append('', ctx.user.id, 'trust.add', {
      id: root.id,
      subject: root.subject,
      sha256: root.sha256,
    });
    return root;
  });

export const listTrustRoots: Handler<C['listTrustRoots']> = (_ctx, s) => s.minutes.trust.list();

export const deleteTrustRoot: Handler<C['deleteTrustRoot']> = (ctx, s) => {
  s.tx(() => {
    const root = s.minutes.trust.list().find((r) => r.id === ctx.params.id);
    if (!root || !s.minutes.trust.remove(ctx.params.id)) throw notFound('trusted certificate');
    s.audit.append('', ctx.user.id, 'trust.remove', {
      id: root.id,
      subject: root.subject,
      sha256: root.sha256,
    });
  });
};
