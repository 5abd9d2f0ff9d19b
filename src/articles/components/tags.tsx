import { Text, View } from '@tarojs/components';
import type { ArticleCategory } from '../../../types/articles-model';
import './tags.scss';

/** 置顶 and the item's 栏目 (通知公告, 倡议, ...), before its title. */
export function ArticleTags({ category, pinned }: { category: ArticleCategory; pinned: boolean }) {
  return (
    <View className="lt-tags">
      {pinned ? <Text className="lt-tag lt-tag--pinned">置顶</Text> : null}
      <Text className="lt-tag">{category}</Text>
    </View>
  );
}
