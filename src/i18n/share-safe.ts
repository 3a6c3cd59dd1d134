import { defineMessages } from './define';

/** Texts a share-safe copy writes into the workbook (in the sheet's language). */
export default defineMessages({
  'en-US': {
    removedNote: 'Personal information removed for sharing.',
    copySuffix: ' (share-safe)',
  },
  'zh-CN': {
    removedNote: '个人信息已在分享前删除。',
    copySuffix: '（可分享）',
  },
});
