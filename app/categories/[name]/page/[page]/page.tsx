import { taxonomyPagedListingPage } from '@/components/taxonomy-pages';
import { CATEGORY } from '@/lib/site/taxonomy';

const route = taxonomyPagedListingPage(CATEGORY);
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
