/** Every in-app URL is built here. Article URLs keep the source site's permalink shape. */
export const paths = {
  home: (page = 1) => (page > 1 ? `/?page=${page}` : '/'),
  article: (slug: string) => `/${slug}/`,
};
