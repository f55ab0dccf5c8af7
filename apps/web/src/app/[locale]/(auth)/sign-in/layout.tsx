import { messagesLayout } from '@/i18n/client-messages';

export default messagesLayout(['signIn', 'account.errors', 'account.working']);
