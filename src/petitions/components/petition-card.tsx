import { Text, View } from '@tarojs/components';
import type { PetitionSummary } from '../../../types/petitions-model';
import { formatDateTime } from '../../../types/time';
import { deadlineText, mainPath, statusTone } from '../petition-text';
import '../petitions.scss';

/** The status in words, in a frame whose look says whether the resident is needed. */
export function StatusBadge({ status, text }: { status: PetitionSummary['status']; text: string }) {
  return <Text className={`lt-pt-status lt-pt-status--${statusTone(status)}`}>{text}</Text>;
}

/**
 * Where it stands on the way from 已提交 to 已结案: steps passed, the current one, the
 * ones to come. A petition transferred or declined has left the way; its badge says so.
 */
export function FlowSteps({ status }: { status: PetitionSummary['status'] }) {
  const path = mainPath();
  const at = path.findIndex((s) => s.status === status);
  if (at < 0) return null;
  return (
    <View className="lt-pt-steps" aria-label={`办理进度：第${at + 1}步，共${path.length}步`}>
      {path.map((step, index) => (
        <Text
          key={step.status}
          className={`lt-pt-step${index < at ? ' lt-pt-step--done' : index === at ? ' lt-pt-step--now' : ''}`}
        >
          {index < at ? `✓${step.text}` : step.text}
        </Text>
      ))}
    </View>
  );
}

/** A deadline, and 超期 in words when it has passed. */
export function DeadlineLine({ petition }: { petition: PetitionSummary }) {
  const deadline = deadlineText(petition);
  if (!deadline) return null;
  return <Text className={deadline.overdue ? 'lt-pt-overdue' : 'lt-pt-deadline'}>{deadline.text}</Text>;
}

/**
 * One petition in a list; the whole card opens it. The resident sees who handles it;
 * staff (`forStaff`) see who filed it and the deadline first.
 */
export function PetitionCard({ petition, forStaff, onOpen }: { petition: PetitionSummary; forStaff?: boolean; onOpen: () => void }) {
  const overdue = petition.overdue !== null;
  return (
    <View className={`lt-pt-card${overdue ? ' lt-pt-card--overdue' : ''}`} role="button" onClick={onOpen}>
      <View className="lt-pt-card__top">
        <Text className="lt-pt-card__kind">
          {petition.kindText} · {petition.category}
        </Text>
        <StatusBadge status={petition.status} text={petition.statusText} />
      </View>
      <Text className="lt-pt-card__title">{petition.title}</Text>
      {forStaff ? (
        <Text className="lt-pt-card__line">
          {petition.submitterName} · {petition.communityName} · {formatDateTime(petition.submittedAt)}提交
        </Text>
      ) : (
        <>
          <Text className="lt-pt-card__line">{formatDateTime(petition.submittedAt)}提交</Text>
          <Text className="lt-pt-card__line">{petition.agent ? `代办员：${petition.agent.name}` : '正在安排代办员'}</Text>
        </>
      )}
      {forStaff || overdue ? <DeadlineLine petition={petition} /> : null}
    </View>
  );
}
