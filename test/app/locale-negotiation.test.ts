import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceptedTags, localeOfTag, negotiateLocale } from '../../app/messages/locale-negotiation';

test('an explicit ?lang= wins over the cookie and Accept-Language', () => {
  assert.equal(negotiateLocale({ query: 'zh-CN', cookie: 'en', acceptLanguage: 'en-US' }), 'zh-CN');
  assert.equal(negotiateLocale({ query: 'en', cookie: 'zh-CN', acceptLanguage: 'zh-CN' }), 'en');
});

test('the cookie wins over Accept-Language; an unknown ?lang= falls through to it', () => {
  assert.equal(negotiateLocale({ cookie: 'zh-CN', acceptLanguage: 'en' }), 'zh-CN');
  assert.equal(negotiateLocale({ query: 'fr', cookie: 'zh-CN' }), 'zh-CN');
});

test('a first visit follows Accept-Language by q-value; any zh reads as zh-CN', () => {
  assert.equal(negotiateLocale({ acceptLanguage: 'zh-CN,zh;q=0.9,en;q=0.8' }), 'zh-CN');
  assert.equal(negotiateLocale({ acceptLanguage: 'zh-TW' }), 'zh-CN');
  assert.equal(negotiateLocale({ acceptLanguage: 'fr-FR, en;q=0.5, zh;q=0.7' }), 'zh-CN');
  assert.equal(negotiateLocale({ acceptLanguage: 'de, en-GB;q=0.3' }), 'en');
  assert.equal(negotiateLocale({ acceptLanguage: 'zh;q=0, en' }), 'en');
});

test('nothing usable gives English', () => {
  assert.equal(negotiateLocale({}), 'en');
  assert.equal(negotiateLocale({ query: '', cookie: 'xx', acceptLanguage: '*, ;q=x' }), 'en');
});

test('tags map case-insensitively to what we ship', () => {
  assert.equal(localeOfTag('ZH-hans'), 'zh-CN');
  assert.equal(localeOfTag('en-US'), 'en');
  assert.equal(localeOfTag('ja'), undefined);
  assert.deepEqual(acceptedTags('a;q=0.2, b, c;q=0.5'), ['b', 'c', 'a']);
});
