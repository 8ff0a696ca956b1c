/** The interface in Turkish (see en.ts). Turkish nouns after a number stay singular. */
import type { Messages } from './en.ts';

const number = new Intl.NumberFormat('tr');

export const tr: Messages = {
  languageName: 'Türkçe',
  skipToContent: 'İçeriğe geç',
  loadingPage: 'Sayfa yükleniyor',
  pageChanged: (title) => `${title}, sayfa yüklendi`,

  sectionsNav: 'Bölümler',
  searchLandmark: 'Haberler',
  searchLabel: 'Haberlerde ara',
  searchPlaceholder: 'Ara',
  searchSubmit: 'Ara',
  searchClear: 'temizle',
  searchClearLabel: 'Aramayı temizle',

  themeToggle: 'Koyu tema',
  languageLabel: 'Dil',
  footerLatest: 'Son haberler',

  latestHeading: 'Son haberler',
  latestPage: (page) => `Son haberler, sayfa ${number.format(page)}`,
  latestDescription: (site) => `${site} sitesinden son haberler.`,
  pagesNav: 'Sayfalar',
  pageLabel: (page) => `Sayfa ${number.format(page)}`,
  newer: '← Daha yeni',
  older: 'Daha eski →',
  showingPages: (first, last, of) =>
    `${number.format(of)} sayfanın ${number.format(first)}–${number.format(last)} arası gösteriliyor`,
  loadMore: 'Daha fazla yükle',
  loadingMore: 'Yükleniyor…',
  loadMoreFailed: 'Daha fazla makale yüklenemedi. Bağlantınızı kontrol edip yeniden deneyin.',

  archiveKind: { section: 'Bölüm', tag: 'Etiket', author: 'Yazar' },
  archivePage: (name, page) => `${name}, sayfa ${number.format(page)}`,
  archiveDescription: (kind, name, site) => `${kind}: ${name}. ${site} sitesinden son haberler.`,
  articleCount: (n) => `${number.format(n)} haber`,
  breadcrumb: 'Gezinti yolu',
  home: 'Ana sayfa',
  subsections: (name) => `${name} içinde`,

  by: 'Yazan:',
  updated: 'Güncellendi',
  tags: 'Etiketler',
  related: 'İlgili haberler',
  readLabel: 'OKUYUN:',
  readRegion: (title) => `Okuyun: ${title}`,
  imageCaption: 'Görsel açıklaması, ',
  imageSource: 'Görsel kaynağı, ',
  externalLink: ' (başka bir siteye gider)',
  sampleNote: 'Bu okuyucunun tanıtım içeriği için yazılmış örnek metin.',
  readingTime: (minutes) => `${number.format(minutes)} dk okuma`,
  share: 'Paylaş',
  linkCopied: 'Bağlantı kopyalandı',
  copyFailed: 'Bağlantı kopyalanamadı',

  notFoundTitle: 'Sayfa bulunamadı',
  notFoundDescription: (site) => `Bu sayfa ${site} sitesinde yok.`,
  notFoundText:
    'Bu haber ya da sayfa yok. Taşınmış olabilir ya da bağlantı yanlış yazılmış olabilir.',
  notFoundLink: 'Son haberlere git',
  errorTitle: 'Bir sorun oluştu',
  errorHeading: 'Bu sayfa yüklenemedi',
  errorText: 'Bağlantınızı kontrol edip yeniden deneyin.',
  retry: 'Yeniden dene',
  retrying: 'Yeniden deneniyor…',

  searchTitle: 'Arama',
  searchPageTitle: (query) => `Arama: ${query}`,
  resultsFor: (query) => `“${query}” için sonuçlar`,
  filters: 'Filtreler',
  filterSection: 'Bölüm',
  allSections: 'Tüm bölümler',
  filterFrom: 'Başlangıç',
  filterTo: 'Bitiş',
  searchHint: 'Yukarıdaki arama kutusuna yazın ya da oraya gitmek için / tuşuna basın.',
  searchUnavailable: 'Arama şu anda kullanılamıyor. Bağlantınızı kontrol edip yeniden deneyin.',
  searching: 'Aranıyor…',
  resultCount: (n) => `${number.format(n)} sonuç`,
  showMoreResults: 'Daha fazla sonuç göster',
  noResults: (query) =>
    `“${query}” ile eşleşen haber yok. Yazımı kontrol edin, daha az kelime deneyin ya da son haberleri okuyun:`,

  saveLabel: 'Sonra oku',
  saveShort: 'Kaydet',
  savedLabel: 'Kaydedildi',
  saveFailed: 'Bu cihaza kaydedilemedi',
  saveNeedsNetwork: 'Kaydetmek için haber alınamadı: bağlantınızı kontrol edin',
  alreadyRead: 'Okundu',
  savedNav: 'Kaydedilenler',
  savedTitle: 'Kaydedilen haberler',
  savedDescription: 'Bu cihaza kaydedilen, bağlantıyla ya da bağlantısız okunabilen haberler.',
  savedEmpty:
    'Henüz kaydedilen bir şey yok. Bir haberi burada tutmak ve çevrimdışı okumak için “Sonra oku”yu kullanın.',
  savedUnavailable:
    'Bu tarayıcı haberlerin bu cihaza kaydedilmesine izin vermiyor (gizli pencere buna yol açabilir).',
  exportSaved: 'Kaydedilenleri dışa aktar',
  importSaved: 'Kaydedilenleri içe aktar',
  importDone: (added, updated, unchanged) =>
    `İçe aktarıldı: ${number.format(added)} eklendi, ${number.format(updated)} güncellendi, ${number.format(unchanged)} zaten vardı.`,
  importFailed: (reason) => `Hiçbir şey içe aktarılmadı. ${reason}`,
  offline: 'Çevrimdışısınız. Açtığınız ya da kaydettiğiniz haberleri yine de okuyabilirsiniz.',
  online: 'Yeniden çevrimiçisiniz.',
  updateReady: 'Okuyucunun yeni bir sürümü hazır.',
  updateNow: 'Güncelle',
};
