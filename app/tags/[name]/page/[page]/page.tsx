import { taxonomyPagedListingPage } from '@/app/_shared/taxonomy-pages';
import { TAG } from '@/lib/site/taxonomy';

// Scheduled articles go live without a rebuild; listings refresh in the background at most this often.
export const revalidate = 300;

const route = taxonomyPagedListingPage(TAG);
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
