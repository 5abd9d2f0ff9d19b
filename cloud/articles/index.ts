/** 资讯: the domain's functions, one file an action (cloud/functions.ts serves them all). */
export { default as adminListArticles } from './admin-list-articles';
export { default as createArticle } from './create-article';
export { default as getArticle } from './get-article';
export { default as listArticles } from './list-articles';
export { default as pledgeArticle } from './pledge-article';
export { default as publishArticle } from './publish-article';
export { default as unpublishArticle } from './unpublish-article';
export { default as updateArticle } from './update-article';
