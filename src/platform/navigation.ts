import Taro from '@tarojs/taro';

/**
 * Back to the previous page, or to `fallback` (a tab) when this page was opened directly,
 * e.g. from a share card or a bookmarked H5 link, where there is nothing to go back to.
 */
export async function goBackOr(fallbackTab: string): Promise<void> {
  if (Taro.getCurrentPages().length > 1) await Taro.navigateBack();
  else await Taro.switchTab({ url: fallbackTab });
}
