import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import type { PetitionKind } from '../../../../types/petitions-model';
import { Page } from '../../../components/page';
import { SignInPrompt } from '../../../components/sign-in-prompt';
import { LoadingState } from '../../../components/states';
import { useSession } from '../../../hooks/use-session';
import { PetitionForm } from '../../../petitions/components/petition-form';
import { KIND_INTRO } from '../../../petitions/petition-text';
import { ROUTES } from '../../../routes';
import { setPageTitle } from '../../../platform/ui-text';

/**
 * 我要反映 / 信访代办 (`?kind=request|petition`): the resident hands a matter to the
 * community and lands on its progress page, where the agent's name appears.
 */
export default function SubmitPetitionPage() {
  const session = useSession();
  const kind: PetitionKind = useRouter().params.kind === 'petition' ? 'petition' : 'request';

  useEffect(() => {
    void setPageTitle(KIND_INTRO[kind].title);
  }, [kind]);

  let body;
  if (session.status === 'restoring' || session.status === 'signingIn') body = <LoadingState text="正在登录，请稍候…" />;
  else if (session.status !== 'signedIn') body = <SignInPrompt reason="登录后才能把事情交给社区办理，并随时查看进度。" />;
  else
    body = (
      <PetitionForm
        initialKind={kind}
        // The form is done with: back from the progress page goes to where the resident came from.
        onSubmitted={(p) => void Taro.redirectTo({ url: `${ROUTES.petitionDetail}?id=${p.id}` })}
      />
    );
  return <Page>{body}</Page>;
}
