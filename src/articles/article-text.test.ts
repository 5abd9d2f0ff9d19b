import { articlePath, bylines, prepareBodyHtml, scopeLabel } from './article-text';

describe('where an item applies', () => {
  it('says 全区 for what the district publishes to everyone', () => {
    expect(scopeLabel({ scopeLevel: 'district', scopeName: '上街区' })).toBe('全区');
  });

  it("names the community for a community's own item", () => {
    expect(scopeLabel({ scopeLevel: 'community', scopeName: '朝阳社区' })).toBe('朝阳社区');
  });
});

describe('bylines', () => {
  it('prints reporters and correspondents as the district news pages do', () => {
    expect(bylines({ reporters: ['周岚'], correspondents: ['何敏', '宋阳'] })).toEqual(['记者 周岚', '通讯员 何敏、宋阳']);
  });

  it('prints nothing for an unsigned notice', () => {
    expect(bylines({ reporters: [], correspondents: [] })).toEqual([]);
  });
});

describe('fitting a body to a phone', () => {
  it('limits an image to the width of the screen', () => {
    expect(prepareBodyHtml('<p><img src="https://x/a.jpg" width="1200"></p>')).toBe(
      '<p><img style="max-width:100%;height:auto;display:block;margin:8px 0;" src="https://x/a.jpg" width="1200"></p>',
    );
  });

  it('turns a link, which rich-text cannot follow, into text with its address', () => {
    expect(prepareBodyHtml('<p>详见<a href="https://gov.example/notice">区政府通知</a>。</p>')).toBe(
      '<p>详见<span>区政府通知（https://gov.example/notice）</span>。</p>',
    );
    expect(prepareBodyHtml('<a href="https://gov.example">https://gov.example</a>')).toBe('<span>https://gov.example</span>');
    expect(prepareBodyHtml('<a>无地址</a>')).toBe('<span>无地址</span>');
  });

  it('leaves ordinary text alone', () => {
    const html = '<p>洗菜水留下来浇花、冲厕所；</p><ul><li>随手关龙头</li></ul>';
    expect(prepareBodyHtml(html)).toBe(html);
  });
});

describe('the detail path', () => {
  it('carries the sharer for a share card', () => {
    expect(articlePath('demo-dongfang-water', 'u42')).toBe('/packages/articles/detail/index?id=demo-dongfang-water&sharer=u42');
  });

  it('has no sharer when opened from a list', () => {
    expect(articlePath('demo-dongfang-water')).toBe('/packages/articles/detail/index?id=demo-dongfang-water');
  });
});
