import { taxonomyPagedListingPage } from '@/components/taxonomy-pages';
import { AUTHOR } from '@/lib/site/taxonomy';

const route = taxonomyPagedListingPage(AUTHOR);
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
