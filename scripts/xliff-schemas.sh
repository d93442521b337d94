#!/usr/bin/env bash
# Puts the OASIS XLIFF 1.2 (strict) and 2.0 schemas, with xml.xsd and an XML catalog, into a folder (default:
# .cache/schemas), taken from Debian's php-symfony-translation package without installing PHP; beside them the
# XLIFF 2 module schemas of schemas/xliff2 (written from the specification: no package carries them), so that
# locflow-xliff-2.0.xsd checks core and modules together. Prints the folder.
set -euo pipefail
dest=${1:-.cache/schemas}
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dest"
cp "$here"/schemas/xliff2/*.xsd "$dest/"
if [ -f "$dest/xliff-core-1.2-strict.xsd" ] && [ -f "$dest/xliff-core-2.0.xsd" ]; then echo "$dest"; exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download php-symfony-translation >/dev/null && dpkg-deb -x php-symfony-translation_*_all.deb x)
src="$work/x/usr/share/php/Symfony/Component/Translation/Resources/schemas"
cp "$src/xliff-core-1.2-strict.xsd" "$src/xliff-core-2.0.xsd" "$src/xml.xsd" "$dest/"
mkdir -p "$dest/informativeCopiesOf3rdPartySchemas/w3c"
cp "$src/xml.xsd" "$dest/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd"
abs=$(cd "$dest" && pwd)
cat > "$dest/catalog.xml" <<XML
<?xml version="1.0"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <system systemId="http://www.w3.org/2001/xml.xsd" uri="file://$abs/xml.xsd"/>
</catalog>
XML
echo "$dest"
