import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { THANKS_TARGETS, THANKS_TARGET_TEXT, type ThanksPost, type ThanksTarget } from '../../../../types/honors-model';
import { call } from '../../../cloud/client';
import { askAt } from '../../../notifications/subscribe';
import { Page } from '../../../components/page';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { CommunityChoice, useCommunityChoice } from '../../../honors/components/community-choice';
import { formErrors } from '../../../components/form-errors';
import { ChoiceGrid, FormField, SignedInForm, SubmitBar, SubmittedNotice, TextBox, TextInput, useFormErrors } from '../../../components/form-kit';
import { PhotoChoice, type OnePhoto } from '../../../honors/components/photo-choice';
import { HONOR_ERROR_FIELDS, thanksHeading } from '../../../honors/honor-text';
import { useRemote } from '../../../hooks/use-remote';
import { useAction } from '../../../hooks/use-action';
import { ROUTES } from '../../../routes';
import '../../../honors/honors.scss';

/** The fields in the order they stand, by the names the summary gives them. */
const FIELDS = { communityId: '社区', targetKind: '感谢谁', targetUserId: '工作人员', targetName: '名称', text: '感谢的话', photoId: '锦旗照片' } as const;
const TARGET_OPTIONS = THANKS_TARGETS.map((t) => ({ value: t, text: THANKS_TARGET_TEXT[t] }));
const NAME_HINT: Record<Exclude<ThanksTarget, 'staff'>, { label: string; placeholder: string }> = {
  unit: { label: '单位名称', placeholder: '例如：区司法局' },
  volunteer: { label: '志愿者姓名', placeholder: '例如：孙大姐' },
};

/**
 * 写感谢: to a staff member of a community (chosen from its list, so the thanks reaches
 * them), or to a unit or volunteer by name, with an optional photo of the 锦旗. It goes
 * on the wall once the community has approved it.
 */
export default function WriteThanksPage() {
  return (
    <Page>
      <SignedInForm<ThanksPost>
        signInReason="登录后才能写感谢，社区审核后会展示在感谢墙上。"
        form={(sent) => <ThanksForm onSubmitted={sent} />}
        done={(post, again) => <Submitted post={post} onAnother={again} />}
      />
    </Page>
  );
}

function ThanksForm({ onSubmitted }: { onSubmitted: (post: ThanksPost) => void }) {
  const community = useCommunityChoice();
  const chosenCommunity = community.chosen;
  const [targetKind, setTargetKind] = useState<ThanksTarget>('staff');
  const [targetUserId, setTargetUserId] = useState<string | null>(null);
  const [targetName, setTargetName] = useState('');
  const [text, setText] = useState('');
  const [photo, setPhoto] = useState<OnePhoto | null>(null);
  const save = useAction();
  const form = useFormErrors(FIELDS);
  const { errors, fail } = form;

  const submit = () => {
    if (save.busy) return;
    if (photo?.status === 'uploading') return fail({ fields: {}, summary: '照片还在上传，请等上传完再提交。' });
    // The host would take the thanks without a photo that never arrived: stop here.
    if (photo?.status === 'failed') return fail(formErrors(null, FIELDS, { known: { photoId: '照片没有上传成功：请点“重新上传”，或不要这张照片。' } }));
    // Said together with what the host finds (it refuses the same), so every field to fix is named at once.
    const known = { targetUserId: targetKind === 'staff' && !targetUserId ? '请选择要感谢的工作人员' : null };
    const asked = askAt('thanks');
    form.clear();
    void save.run(
      async () => {
        await asked;
        onSubmitted(
          await call('thanks.post', {
            targetKind,
            ...(targetKind === 'staff' ? { targetUserId: targetUserId ?? undefined } : { targetName }),
            ...(chosenCommunity ? { communityId: chosenCommunity } : {}),
            text,
            ...(photo?.id ? { photoId: photo.id } : {}),
          }),
        );
      },
      (e) => fail(formErrors(e, FIELDS, { fieldOfKind: HONOR_ERROR_FIELDS, known })),
    );
  };

  const error = (name: keyof typeof FIELDS) => errors?.fields[name];
  return (
    <View>
      <FormField name="communityId" label="哪个社区的事" error={error('communityId')}>
        <CommunityChoice
          value={chosenCommunity}
          onChange={(id) => {
            community.choose(id);
            // Another community has other staff.
            setTargetUserId(null);
          }}
          homeCommunityId={community.home}
        />
      </FormField>
      <FormField name="targetKind" label="感谢谁" error={error('targetKind')}>
        <ChoiceGrid options={TARGET_OPTIONS} value={targetKind} onChange={setTargetKind} />
      </FormField>
      {targetKind === 'staff' ? (
        <FormField name="targetUserId" label="工作人员" error={error('targetUserId')}>
          {chosenCommunity ? (
            <StaffChoice communityId={chosenCommunity} value={targetUserId} onChange={setTargetUserId} />
          ) : (
            <Text className="lt-body lt-muted">请先选择社区。</Text>
          )}
        </FormField>
      ) : (
        <FormField name="targetName" label={NAME_HINT[targetKind].label} error={error('targetName')}>
          <TextInput
            label={NAME_HINT[targetKind].label}
            value={targetName}
            onChange={setTargetName}
            maxLength={30}
            placeholder={NAME_HINT[targetKind].placeholder}
          />
        </FormField>
      )}
      <FormField name="text" label="感谢的话" hint="说说TA帮您做了什么" error={error('text')}>
        <TextBox label="感谢的话" value={text} onChange={setText} maxLength={500} placeholder="例如：帮我家老人办好了高龄津贴，谢谢！" />
      </FormField>
      <FormField name="photoId" label="锦旗照片" optional error={error('photoId')}>
        <PhotoChoice photo={photo} onChange={setPhoto} />
      </FormField>
      <SubmitBar errors={errors} busy={save.busy} onSubmit={submit}>
        提交感谢
      </SubmitBar>
    </View>
  );
}

/** The community's staff by name and post, as buttons: the host accepts only these. */
function StaffChoice({ communityId, value, onChange }: { communityId: string; value: string | null; onChange: (userId: string) => void }) {
  const staff = useRemote(() => call('thanks.staff', { communityId }), [communityId]);
  if (!staff.data) {
    if (staff.status === 'error') return <ErrorState title="工作人员名单没有加载出来" error={staff.error} onRetry={staff.reload} />;
    return <LoadingState text="正在读取工作人员名单…" />;
  }
  if (staff.data.length === 0)
    return <EmptyState title="这个社区还没有登记工作人员" description="可以改为感谢“单位”，写上社区居委会的名称。" />;
  return (
    <ChoiceGrid options={staff.data.map((s) => ({ value: s.userId, text: s.name, sub: s.role }))} value={value} onChange={onChange} />
  );
}

/** Back to the wall when the writer came from it, so the page stack does not grow. */
function backToWall() {
  const pages = Taro.getCurrentPages();
  const previous = pages[pages.length - 2];
  if (previous && `/${previous.route?.replace(/^\//, '')}`.startsWith(ROUTES.thanksWall)) void Taro.navigateBack();
  else void Taro.redirectTo({ url: ROUTES.thanksWall });
}

function Submitted({ post, onAnother }: { post: ThanksPost; onAnother: () => void }) {
  return (
    <SubmittedNotice title={`感谢已提交（${post.statusText}）`} next={{ text: '回到感谢墙', onClick: backToWall }} again={{ text: '再写一条', onClick: onAnother }}>
      <Text className="lt-body">{thanksHeading(post)}</Text>
      <Text className="lt-body">社区审核通过后，会展示在感谢墙上。</Text>
    </SubmittedNotice>
  );
}
