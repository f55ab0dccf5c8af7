import { signedInLayout } from '@/components/signed-in-layout';

export default signedInLayout('/admin/notifications');
