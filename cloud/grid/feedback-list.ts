import { feedbackList, type FeedbackKind } from '../../types/grid';
import { defineFunction } from '../core/define-function';
import { listFeedback } from './grid.storage';

export default defineFunction(feedbackList, async (_input, { services }) =>
  (await listFeedback(services.db)).map((f) => ({ id: f.id, kind: f.kind as FeedbackKind, body: f.body, fromName: f.nickname, createdAt: new Date(f.created_at) })),
);
