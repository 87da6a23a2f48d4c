// each execution wrote its reports into a folder named after it; neither overwrote the other's
def shop = new File(basedir, 'target/dbcheck/shop/dbcheck.json')
def billing = new File(basedir, 'target/dbcheck/billing/dbcheck.json')
assert shop.isFile() : "no ${shop}"
assert billing.isFile() : "no ${billing}"
assert shop.text.contains('shop.orders') && !shop.text.contains('billing.invoices')
assert billing.text.contains('billing.invoices') && !billing.text.contains('shop.orders')
assert new File(basedir, 'target/dbcheck/shop/junit').list().any { it.startsWith('TEST-') && it.endsWith('.xml') }
assert new File(basedir, 'target/dbcheck/billing/junit').list().any { it.startsWith('TEST-') && it.endsWith('.xml') }
assert !new File(basedir, 'target/dbcheck/dbcheck.json').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('Reports: dbcheck.json') && log.contains('target/dbcheck/shop')
return true
