import { taxonomyIndexPage } from '@/components/taxonomy-pages';
import { CATEGORY } from '@/lib/site/taxonomy';

const route = taxonomyIndexPage(CATEGORY);
export const metadata = route.metadata;
export default route.Page;
