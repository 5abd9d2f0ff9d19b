import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AppError } from '../../../types/errors';
import { REOPEN_DAYS, type PetitionDetail } from '../../../types/petitions-model';
import { call } from '../../cloud/client';
import { toAppError } from '../../cloud/errors';
import { ActionButton } from '../../components/action-button';
import { ROUTES } from '../../routes';
import { formErrors } from '../../components/form-errors';
import { FieldError, FormField, TextBox } from '../../components/form-kit';
import { PETITION_ERROR_FIELDS } from '../petition-text';
import { StarRating } from './star-rating';
import '../petitions.scss';

/**
 * “问题解决了吗？”, asked in the page once the agent has resolved it: 解决了 with stars and a
 * word of thanks, or 没解决 with what is still wrong, which hands it back to the agent
 * (once, within 7 days). Both answers open in place, never in a pop-up.
 */
export function ResolvedQuestion({ petition, onChanged }: { petition: PetitionDetail; onChanged: (p: PetitionDetail) => void }) {
  const [answer, setAnswer] = useState<'solved' | 'unsolved' | null>(null);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const canConfirm = petition.actions.includes('confirm');
  const canReopen = petition.actions.includes('reopen');
  if (!canConfirm && !canReopen) return null;

  const send = async (run: () => Promise<PetitionDetail>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await run());
      setAnswer(null);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const errors = error ? formErrors(error, { stars: '星级', comment: '评价', reason: '没解决的原因' }, { fieldOfKind: PETITION_ERROR_FIELDS }) : null;
  const choose = (next: 'solved' | 'unsolved') => {
    setAnswer(next);
    setError(null);
  };

  return (
    <View className="lt-card lt-pt-ask">
      <Text className="lt-headline">问题解决了吗？</Text>
      <Text className="lt-body lt-muted">代办员已写明办理结果（见下方）。请告诉我们是否真的解决了。</Text>
      <View className="lt-pt-pair lt-gap-top">
        {canConfirm ? (
          <ActionButton tone={answer === 'solved' ? 'primary' : 'secondary'} onClick={() => choose('solved')}>
            解决了
          </ActionButton>
        ) : null}
        {canReopen ? (
          <ActionButton tone={answer === 'unsolved' ? 'primary' : 'secondary'} onClick={() => choose('unsolved')}>
            没解决
          </ActionButton>
        ) : null}
      </View>

      {answer === 'solved' ? (
        <View className="lt-gap-top">
          <FormField name="stars" label="请为这次办理打分" error={errors?.fields.stars}>
            <StarRating value={stars} onChange={setStars} />
          </FormField>
          <FormField name="comment" label="想对代办员说的话" optional error={errors?.fields.comment}>
            <TextBox label="想对代办员说的话" value={comment} onChange={setComment} maxLength={200} placeholder="例如：认准一个人，真省心" />
          </FormField>
          {error ? <FieldError>{errors?.summary}</FieldError> : null}
          <ActionButton loading={busy} onClick={() => void send(() => call('petitions.confirm', { id: petition.id, stars, comment }))}>
            提交评价
          </ActionButton>
        </View>
      ) : null}

      {answer === 'unsolved' && petition.reopenedOnce ? (
        <View className="lt-gap-top">
          <Text className="lt-body">这件事已经重新打开过一次。如果问题还在，请重新提交一件，代办员会再次跟进。</Text>
          <View className="lt-gap-top">
            <ActionButton onClick={() => void Taro.navigateTo({ url: `${ROUTES.petitionSubmit}?kind=${petition.kind}` })}>重新提交</ActionButton>
          </View>
        </View>
      ) : null}

      {answer === 'unsolved' && !petition.reopenedOnce ? (
        <View className="lt-gap-top">
          <FormField
            name="reason"
            label="还有什么问题没解决？"
            hint={`办结后${REOPEN_DAYS}天内可以重新打开一次，代办员会接着办。`}
            error={errors?.fields.reason}
          >
            <TextBox label="还有什么问题没解决" value={reason} onChange={setReason} maxLength={500} placeholder="例如：路口还是被车堵着" />
          </FormField>
          {error ? <FieldError>{errors?.summary}</FieldError> : null}
          <ActionButton loading={busy} onClick={() => void send(() => call('petitions.reopen', { id: petition.id, reason }))}>
            请代办员接着办
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}
