import { taxonomyIndexPage } from '@/app/_shared/taxonomy-pages';
import { CATEGORY } from '@/lib/site/taxonomy';

// Scheduled articles go live without a rebuild; listings refresh in the background at most this often.
export const revalidate = 300;

const route = taxonomyIndexPage(CATEGORY);
export const generateMetadata = route.generateMetadata;
export default route.Page;
