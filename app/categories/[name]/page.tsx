import { taxonomyListingPage } from '@/components/taxonomy-pages';
import { CATEGORY } from '@/lib/site/taxonomy';

const route = taxonomyListingPage(CATEGORY);
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
