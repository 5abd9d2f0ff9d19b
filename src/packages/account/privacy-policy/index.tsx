import { Text, View } from '@tarojs/components';
import { Page } from '../../../components/page';
import { POLICY_SECTIONS, POLICY_TITLE, POLICY_UPDATED } from './policy';

export default function PrivacyPolicyPage() {
  return (
    <Page>
      <View className="lt-card">
        <Text className="lt-headline">{POLICY_TITLE}</Text>
        <Text className="lt-body lt-muted">更新日期：{POLICY_UPDATED}</Text>
      </View>
      {POLICY_SECTIONS.map((section) => (
        <View key={section.title} className="lt-card">
          <Text className="lt-card__title">{section.title}</Text>
          {section.paragraphs.map((p) => (
            <Text key={p} className="lt-body lt-policy__paragraph">
              {p}
            </Text>
          ))}
        </View>
      ))}
    </Page>
  );
}
