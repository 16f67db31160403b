import { taxonomyListingPage } from '@/components/taxonomy-pages';
import { AUTHOR } from '@/lib/site/taxonomy';

const route = taxonomyListingPage(AUTHOR);
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
