import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { FeedbackKind } from '../../../../types/grid-model';
import { call } from '../../../cloud/client';
import { ActionButton } from '../../../components/action-button';
import { Page } from '../../../components/page';
import { Gate } from '../../../grid/gate';
import { useAction } from '../../../hooks/use-action';
import { ChoiceGrid, FormField, SubmitBar, TextBox } from '../../../components/form-kit';
import '../../../grid/grid.scss';

const KINDS: readonly { value: FeedbackKind; text: string }[] = [
  { value: '建议', text: '提建议' },
  { value: '投诉', text: '投诉' },
];

/** 投诉建议 about this app itself; it goes to the district's administrators. */
export default function FeedbackPage() {
  return (
    <Page>
      <Gate reason="登录后可以提投诉建议。">{() => <Feedback />}</Gate>
    </Page>
  );
}

function Feedback() {
  const [kind, setKind] = useState<FeedbackKind>('建议');
  const [body, setBody] = useState('');
  const send = useAction();
  const [sent, setSent] = useState(false);
  if (sent) {
    return (
      <View className="lt-card">
        <Text className="lt-headline lt-success">已收到，谢谢您</Text>
        <Text className="lt-body">区里的管理员会看到您的意见。</Text>
        <View className="lt-gap-top">
          <ActionButton tone="secondary" onClick={() => { setBody(''); setSent(false); }}>
            再写一条
          </ActionButton>
        </View>
      </View>
    );
  }
  return (
    <View>
      <View className="lt-card">
        <Text className="lt-body">对“邻里通”好不好用、哪里不合理，都可以说。意见直接交给区里的管理员。</Text>
      </View>
      <FormField name="kind" label="类型">
        <ChoiceGrid options={KINDS} value={kind} onChange={setKind} />
      </FormField>
      <FormField name="body" label="内容">
        <TextBox value={body} onChange={setBody} maxLength={1000} placeholder="请写清楚遇到的问题或建议" label="投诉建议内容" />
      </FormField>
      <SubmitBar
        error={send.error}
        busy={send.busy}
        onSubmit={() =>
          void send.run(async () => {
            await call('grid.feedback', { kind, body });
            setSent(true);
          })
        }
      >
        提交
      </SubmitBar>
    </View>
  );
}
