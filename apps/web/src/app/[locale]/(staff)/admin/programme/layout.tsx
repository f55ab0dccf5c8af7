import { messagesLayout } from '@/i18n/client-messages';

export default messagesLayout(['programmeSettings', 'expansion.metrics']);
