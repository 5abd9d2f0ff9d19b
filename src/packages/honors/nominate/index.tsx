import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { HONOR_CATEGORIES, type Nomination } from '../../../../types/honors-model';
import { call } from '../../../cloud/client';
import { askAt } from '../../../notifications/subscribe';
import { Page } from '../../../components/page';
import { CommunityChoice, useCommunityChoice } from '../../../honors/components/community-choice';
import { formErrors } from '../../../components/form-errors';
import { ChoiceGrid, FormField, SignedInForm, SubmitBar, SubmittedNotice, TextBox, TextInput, useFormErrors } from '../../../components/form-kit';
import { HONOR_ERROR_FIELDS } from '../../../honors/honor-text';
import { useAction } from '../../../hooks/use-action';
import { ROUTES } from '../../../routes';
import '../../../honors/honors.scss';

/** The fields in the order they stand, by the names the summary gives them. */
const FIELDS = { communityId: '社区', nomineeName: '被推荐人姓名', category: '推荐的类别', reason: '推荐理由' } as const;
const OTHER = '其他';
const CATEGORY_OPTIONS = [...HONOR_CATEGORIES, OTHER].map((c) => ({ value: c, text: c === OTHER ? '其他（自己填写）' : c }));

/**
 * 推荐好人: a resident names someone from their community for next year's 光荣榜, with
 * the category and why. The community reviews it; 我的推荐 shows the outcome.
 */
export default function NominatePage() {
  return (
    <Page>
      <SignedInForm<Nomination>
        signInReason="登录后才能推荐，社区审核后会告诉您结果。"
        form={(sent) => <NominationForm onSubmitted={sent} />}
        done={(nomination, again) => <Submitted nomination={nomination} onAnother={again} />}
      />
    </Page>
  );
}

function NominationForm({ onSubmitted }: { onSubmitted: (n: Nomination) => void }) {
  const community = useCommunityChoice();
  const chosenCommunity = community.chosen;
  const [nomineeName, setNomineeName] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [otherCategory, setOtherCategory] = useState('');
  const [reason, setReason] = useState('');
  const save = useAction();
  const form = useFormErrors(FIELDS);
  const { errors, fail } = form;

  const submit = () => {
    if (save.busy) return;
    const categoryText = category === OTHER ? otherCategory.trim() : (category ?? '');
    const asked = askAt('nomination');
    form.clear();
    void save.run(
      async () => {
        await asked;
        onSubmitted(
          await call('honors.nominate', {
            ...(chosenCommunity ? { communityId: chosenCommunity } : {}),
            nomineeName,
            category: categoryText,
            reason,
          }),
        );
      },
      (e) => fail(formErrors(e, FIELDS, { fieldOfKind: HONOR_ERROR_FIELDS })),
    );
  };

  const error = (name: keyof typeof FIELDS) => errors?.fields[name];
  return (
    <View>
      <View className="lt-card lt-card--notice">
        <Text className="lt-title">推荐身边的好人好事</Text>
        <Text className="lt-body">孝老爱亲的好媳妇、热心肠的志愿者、和睦的文明家庭……社区审核后，入选的会登上明年的光荣榜。</Text>
      </View>
      <FormField name="communityId" label="被推荐人所在社区" error={error('communityId')}>
        <CommunityChoice value={chosenCommunity} onChange={community.choose} homeCommunityId={community.home} />
      </FormField>
      <FormField name="nomineeName" label="被推荐人姓名" error={error('nomineeName')}>
        <TextInput label="被推荐人姓名" value={nomineeName} onChange={setNomineeName} maxLength={20} placeholder="例如：张秀英" />
      </FormField>
      <FormField name="category" label="推荐的类别" error={error('category')}>
        <ChoiceGrid options={CATEGORY_OPTIONS} value={category} onChange={setCategory} />
        {category === OTHER ? (
          <TextInput label="其他类别" value={otherCategory} onChange={setOtherCategory} maxLength={20} placeholder="例如：好邻居" />
        ) : null}
      </FormField>
      <FormField name="reason" label="推荐理由" hint="TA做了什么好事，至少10个字" error={error('reason')}>
        <TextBox label="推荐理由" value={reason} onChange={setReason} maxLength={1000} placeholder="例如：每天早上义务打扫楼道，十年如一日。" />
      </FormField>
      <SubmitBar errors={errors} busy={save.busy} onSubmit={submit}>
        提交推荐
      </SubmitBar>
    </View>
  );
}

function Submitted({ nomination, onAnother }: { nomination: Nomination; onAnother: () => void }) {
  return (
    <SubmittedNotice
      title="推荐已提交"
      next={{ text: '看我的推荐', onClick: () => void Taro.redirectTo({ url: ROUTES.myNominations }) }}
      again={{ text: '再推荐一位', onClick: onAnother }}
    >
      <Text className="lt-body">
        您推荐了{nomination.communityName}的{nomination.nomineeName}（{nomination.category}），参加{nomination.year}年度光荣榜评选。社区审核后，可以在“我的推荐”里看到结果。
      </Text>
    </SubmittedNotice>
  );
}
