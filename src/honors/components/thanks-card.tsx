import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AppError } from '../../../types/errors';
import type { ThanksPost } from '../../../types/honors-model';
import { formatDate } from '../../../types/time';
import { call } from '../../cloud/client';
import { toAppError } from '../../cloud/errors';
import { ActionButton } from '../../components/action-button';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { InlineError } from '../../components/states';
import { REPORT_REASONS, thanksHeading } from '../honor-text';
import { ChoiceGrid, FormField, TextInput } from '../../components/form-kit';
import '../honors.scss';

/**
 * One thank-you on the wall, shaped like a 锦旗: whom it thanks in the red head, the words,
 * the banner photo, and who sent it. With `reportable`, 举报 opens a short form inside
 * the card itself (no pop-up, which 长辈模式 does not allow).
 */
export function ThanksCard({ post, reportable, signedIn }: { post: ThanksPost; reportable?: boolean; signedIn?: boolean }) {
  const [reporting, setReporting] = useState(false);
  const [reported, setReported] = useState(false);
  return (
    <View className="lt-hn-thanks">
      <Text className="lt-hn-thanks__head">{thanksHeading(post)}</Text>
      <View className="lt-hn-thanks__body">
        <Text className="lt-hn-thanks__text">{post.text}</Text>
        {post.photoUrl ? <Image className="lt-hn-thanks__photo" src={post.photoUrl} mode="widthFix" aria-label="锦旗照片" nativeProps={{ alt: "锦旗照片" }} /> : null}
        <Text className="lt-hn-meta">
          {post.authorName} · {post.communityName} · {formatDate(post.createdAt)}
        </Text>
        {reportable && reported ? (
          <View className="lt-body lt-muted lt-gap-top" role="status">
            已收到您的举报，社区会核实处理。谢谢您。
          </View>
        ) : null}
        {reportable && !reported && !reporting ? (
          <View className="lt-hn-thanks__report" role="button" aria-label={`举报这条感谢：${post.targetName}`} onClick={() => setReporting(true)}>
            <Text>举报</Text>
          </View>
        ) : null}
        {reportable && !reported && reporting ? (
          signedIn ? (
            <ReportForm postId={post.id} onDone={() => setReported(true)} onCancel={() => setReporting(false)} />
          ) : (
            <View className="lt-hn-report">
              <SignInPrompt reason="登录后才能举报，这样社区能核实举报。" />
              <ActionButton tone="secondary" onClick={() => setReporting(false)}>
                不举报了
              </ActionButton>
            </View>
          )
        ) : null}
      </View>
    </View>
  );
}

const OTHER = '其他原因';

function ReportForm({ postId, onDone, onCancel }: { postId: string; onDone: () => void; onCancel: () => void }) {
  const [choice, setChoice] = useState<string | null>(null);
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();

  const send = async () => {
    if (busy) return;
    const reason = choice === OTHER ? other.trim() : (choice ?? '');
    // The host says the same (至少2个字); saying it here spares a round trip.
    if (!reason) return setFieldError(choice === OTHER ? '请写一写举报的原因' : '请选择举报的原因');
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      await call('thanks.report', { id: postId, reason });
      onDone();
    } catch (e) {
      const appError = toAppError(e);
      const forReason = appError.fields.find((f) => f.path === 'reason');
      if (forReason) setFieldError(forReason.message);
      else setError(appError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="lt-hn-report">
      <Text className="lt-card__title">举报这条感谢</Text>
      <Text className="lt-body lt-muted">有3位居民举报后，这条感谢会先撤下，由社区核实。</Text>
      <FormField name={`report-${postId}`} label="举报原因" error={fieldError}>
        <ChoiceGrid options={[...REPORT_REASONS, OTHER].map((r) => ({ value: r, text: r }))} value={choice} onChange={setChoice} />
        {choice === OTHER ? <TextInput label="举报原因" value={other} onChange={setOther} maxLength={200} placeholder="请简单说明原因" /> : null}
      </FormField>
      <InlineError error={error} />
      <View className="lt-stack">
        <ActionButton tone="danger" loading={busy} onClick={() => void send()}>
          提交举报
        </ActionButton>
        <ActionButton tone="secondary" onClick={onCancel}>
          不举报了
        </ActionButton>
      </View>
    </View>
  );
}
