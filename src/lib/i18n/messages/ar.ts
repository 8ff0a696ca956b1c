/**
 * The interface in Arabic (see en.ts). Arabic has six plural forms; Intl.PluralRules picks
 * the form, and numbers are written with the digits Intl uses for `ar`.
 */
import { formatNumber, pluralRules } from '../../intl.ts';
import type { Messages } from './en.ts';

const number = { format: (n: number): string => formatNumber(n, 'ar') };
type Forms = Record<Intl.LDMLPluralRule, (n: string) => string>;
const plural = (n: number, forms: Forms) => forms[pluralRules('ar').select(n)](number.format(n));

const articleCount = (n: number) =>
  plural(n, {
    zero: () => 'لا توجد مقالات',
    one: () => 'مقالة واحدة',
    two: () => 'مقالتان',
    few: (shown) => `${shown} مقالات`,
    many: (shown) => `${shown} مقالة`,
    other: (shown) => `${shown} مقالة`,
  });

export const ar: Messages = {
  skipToContent: 'انتقل إلى المحتوى',
  loadingPage: 'جارٍ تحميل الصفحة',
  pageChanged: (title) => `${title}، تم تحميل الصفحة`,

  sectionsNav: 'الأقسام',
  searchLandmark: 'المقالات',
  searchLabel: 'ابحث في المقالات',
  searchPlaceholder: 'بحث',
  searchSubmit: 'بحث',
  searchClear: 'مسح',
  searchClearLabel: 'مسح البحث',

  themeToggle: 'الوضع الداكن',
  languageLabel: 'اللغة',
  footerLatest: 'آخر الأخبار',

  latestHeading: 'آخر الأخبار',
  latestPage: (page) => `آخر الأخبار، الصفحة ${number.format(page)}`,
  latestDescription: (site) => `أحدث المقالات من ${site}.`,
  pagesNav: 'الصفحات',
  pageLabel: (page) => `الصفحة ${number.format(page)}`,
  newer: '→ الأحدث',
  older: 'الأقدم ←',
  showingStories: (n) => `عرض ${articleCount(n)}`,
  noNewerStories: 'لا توجد أخبار أحدث بعد.',
  toNewest: 'اعرض أحدث الأخبار',
  loadMore: 'تحميل المزيد',
  loadingMore: 'جارٍ تحميل المزيد…',
  loadMoreFailed: 'تعذّر تحميل المزيد من المقالات. تحقق من اتصالك، ثم حاول مرة أخرى.',

  archiveKind: { section: 'قسم', tag: 'وسم', author: 'كاتب' },
  archivePage: (name, page) => `${name}، الصفحة ${number.format(page)}`,
  archiveDescription: (kind, name, site) => `${kind}: ${name}. أحدث المقالات من ${site}.`,
  articleCount,
  breadcrumb: 'مسار التنقل',
  home: 'الرئيسية',
  subsections: (name) => `في ${name}`,

  by: 'بقلم',
  updated: 'حُدّث',
  tags: 'الوسوم',
  related: 'مقالات ذات صلة',
  readLabel: 'اقرأ أيضاً:',
  readRegion: (title) => `اقرأ أيضاً: ${title}`,
  imageCaption: 'تعليق الصورة، ',
  imageSource: 'مصدر الصورة، ',
  externalLink: ' (ينقلك إلى موقع آخر)',
  table: 'جدول',
  readFullStory: (host) => `اقرأ القصة كاملة على ${host}`,
  sampleNote: 'نص تجريبي كُتب للمحتوى التوضيحي لهذا القارئ.',
  readingTime: (minutes) =>
    plural(minutes, {
      zero: () => 'أقل من دقيقة قراءة',
      one: () => 'دقيقة قراءة',
      two: () => 'دقيقتا قراءة',
      few: (shown) => `${shown} دقائق قراءة`,
      many: (shown) => `${shown} دقيقة قراءة`,
      other: (shown) => `${shown} دقيقة قراءة`,
    }),
  share: 'مشاركة',
  linkCopied: 'تم نسخ الرابط',
  copyFailed: 'تعذّر نسخ الرابط',

  notFoundTitle: 'الصفحة غير موجودة',
  notFoundDescription: (site) => `هذه الصفحة غير موجودة على ${site}.`,
  notFoundText: 'هذه المقالة أو الصفحة غير موجودة. ربما نُقلت، أو أن الرابط مكتوب بشكل خاطئ.',
  notFoundLink: 'اذهب إلى آخر الأخبار',
  errorTitle: 'حدث خطأ ما',
  errorHeading: 'تعذّر تحميل هذه الصفحة',
  errorText: 'تحقق من اتصالك، ثم حاول مرة أخرى.',
  retry: 'إعادة المحاولة',
  retrying: 'جارٍ إعادة المحاولة…',

  searchTitle: 'بحث',
  searchPageTitle: (query) => `بحث: ${query}`,
  resultsFor: (query) => `نتائج البحث عن «${query}»`,
  filters: 'عوامل التصفية',
  filterSection: 'القسم',
  allSections: 'كل الأقسام',
  filterFrom: 'من',
  filterTo: 'إلى',
  anyMonthFrom: 'الأقدم',
  anyMonthTo: 'الأحدث',
  searchHint: 'اكتب في مربع البحث أعلاه، أو اضغط / للانتقال إليه.',
  searchUnavailable: 'البحث غير متاح الآن. تحقق من اتصالك وحاول مرة أخرى.',
  searching: 'جارٍ البحث…',
  resultCount: (n) =>
    plural(n, {
      zero: () => 'لا توجد نتائج',
      one: () => 'نتيجة واحدة',
      two: () => 'نتيجتان',
      few: (shown) => `${shown} نتائج`,
      many: (shown) => `${shown} نتيجة`,
      other: (shown) => `${shown} نتيجة`,
    }),
  showMoreResults: 'عرض مزيد من النتائج',
  noResults: (query) =>
    `لا توجد مقالات تطابق «${query}». تحقق من الإملاء، أو جرّب كلمات أقل، أو اقرأ آخر الأخبار:`,

  saveLabel: 'احفظ للقراءة لاحقًا',
  saveShort: 'احفظ',
  savedLabel: 'محفوظ',
  saveFailed: 'تعذّر الحفظ على هذا الجهاز',
  saveNeedsNetwork: 'تعذّر جلب المقال لحفظه: تحقّق من اتصالك',
  alreadyRead: 'مقروء',
  savedNav: 'المحفوظات',
  savedTitle: 'المقالات المحفوظة',
  savedDescription: 'مقالات محفوظة على هذا الجهاز، تُقرأ مع الاتصال أو من دونه.',
  savedEmpty: 'لم تحفظ شيئًا بعد. استخدم «احفظ للقراءة لاحقًا» في أي مقال ليبقى هنا ويُقرأ دون اتصال.',
  savedUnavailable:
    'هذا المتصفح لا يسمح بحفظ المقالات على هذا الجهاز (قد يكون ذلك بسبب التصفح الخاص).',
  exportSaved: 'تصدير المقالات المحفوظة',
  importSaved: 'استيراد مقالات محفوظة…',
  importReading: (file) => `جارٍ قراءة ${file}…`,
  importFrom: (file) => `من ${file}:`,
  importDone: (added, updated, unchanged) =>
    `تم الاستيراد: أُضيف ${number.format(added)}، وحُدِّث ${number.format(updated)}، وكان ${number.format(unchanged)} موجودًا.`,
  importFailed: (reason) => `لم يُستورد شيء. ${reason}`,
  importedCopyLabel: 'نسختك، مستوردة من ملف',
  importedCopyNotice: (siteName) => `نسختك المحفوظة، مستوردة من ملف — لم ينشرها ${siteName}.`,
  savedCopyNotice: 'نسختك المحفوظة على هذا الجهاز.',
  readCurrentVersion: 'اقرأ النسخة الحالية',
  savedCopyTitle: (title) => `نسختك المحفوظة: ${title}`,
  allSaved: 'كل المقالات المحفوظة',
  offline: 'أنت غير متصل. ما زال بإمكانك قراءة المقالات التي فتحتها أو حفظتها.',
  online: 'عاد الاتصال.',
  updateReady: 'إصدار جديد من القارئ جاهز.',
  updateNow: 'حدِّث',

  newStories: (n) =>
    plural(n, {
      zero: () => 'لا أخبار جديدة',
      one: () => 'خبر جديد واحد',
      two: () => 'خبران جديدان',
      few: (shown) => `${shown} أخبار جديدة`,
      many: (shown) => `${shown} خبرًا جديدًا`,
      other: (shown) => `${shown} خبر جديد`,
    }),
  articleUpdated: 'حُدّثت هذه المقالة.',
  showUpdate: 'اعرض التحديث',
};
