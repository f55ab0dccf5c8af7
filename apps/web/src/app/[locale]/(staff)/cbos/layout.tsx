import { messagesLayout } from '@/i18n/client-messages';

export default messagesLayout(['linkCodes', 'account.errors']);
