import { taxonomyIndexPage } from '@/components/taxonomy-pages';
import { AUTHOR } from '@/lib/site/taxonomy';

const route = taxonomyIndexPage(AUTHOR);
export const metadata = route.metadata;
export default route.Page;
