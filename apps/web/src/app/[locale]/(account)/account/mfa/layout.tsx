import { messagesLayout } from '@/i18n/client-messages';

export default messagesLayout(['mfa', 'account.errors', 'account.working']);
