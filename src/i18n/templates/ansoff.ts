import { defineMessages } from '../define';

export default defineMessages({
  'en-US': {},
  'zh-CN': {},
});
