import { messagesLayout } from '@/i18n/client-messages';

export default messagesLayout(['grants', 'roles']);
