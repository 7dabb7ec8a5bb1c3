#pragma once

// Signed SWUpdate images for the tests that run Debian's swupdate: a throw-away signing key, and a .swu whose
// sw-description installs one file (rawfile handler, atomic) into a directory; "corrupt" makes the payload
// differ from the checksum its signed description promises.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtDebug>

namespace FlotillaTest {

inline bool runTool(const QString &program, const QStringList &args, const QString &workDir = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        qWarning().noquote() << program << args.join(QLatin1Char(' ')) << "failed:" << p.readAll();
        return false;
    }
    return true;
}

// key.pem and cert.pem in dir; SWUpdate verifies the CMS signature with the emailProtection purpose.
inline bool makeSwuSigningKey(const QString &dir)
{
    return runTool(QStringLiteral("openssl"),
                   { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                     QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                     QStringLiteral("-subj"), QStringLiteral("/CN=Flotilla test signer"), QStringLiteral("-addext"),
                     QStringLiteral("extendedKeyUsage=emailProtection"), QStringLiteral("-keyout"),
                     dir + QStringLiteral("/key.pem"), QStringLiteral("-out"), dir + QStringLiteral("/cert.pem") });
}

// Builds <workDir>/update.swu installing hello.txt with payload into destination; its path, empty on failure.
inline QString buildSwu(const QString &workDir, const QString &keysDir, const QByteArray &payload,
                        const QString &destination, bool corrupt)
{
    const QString work = workDir + QStringLiteral("/swu");
    QDir().mkpath(work);
    QFile file(work + QStringLiteral("/hello.txt"));
    file.open(QIODevice::WriteOnly);
    file.write(payload);
    file.close();
    const QByteArray sha256
        = QCryptographicHash::hash(corrupt ? payload + "tampered" : payload, QCryptographicHash::Sha256).toHex();
    const QString description = QStringLiteral(R"(software =
{
    version = "1.0.1";
    hardware-compatibility: [ "1.0" ];
    files: (
        {
            filename = "hello.txt";
            path = "%1/hello.txt";
            sha256 = "%2";
            properties: { create-destination = "true"; atomic-install = "true"; };
        }
    );
}
)")
                                    .arg(destination, QString::fromLatin1(sha256));
    QFile sw(work + QStringLiteral("/sw-description"));
    sw.open(QIODevice::WriteOnly);
    sw.write(description.toUtf8());
    sw.close();
    if (!runTool(QStringLiteral("openssl"),
                 { QStringLiteral("cms"), QStringLiteral("-sign"), QStringLiteral("-in"),
                   QStringLiteral("sw-description"), QStringLiteral("-out"), QStringLiteral("sw-description.sig"),
                   QStringLiteral("-signer"), keysDir + QStringLiteral("/cert.pem"), QStringLiteral("-inkey"),
                   keysDir + QStringLiteral("/key.pem"), QStringLiteral("-outform"), QStringLiteral("DER"),
                   QStringLiteral("-nosmimecap"), QStringLiteral("-binary") },
                 work))
        return {};
    // sw-description must come first in the cpio archive (newc with CRC, as swupdate expects).
    const QString swu = workDir + QStringLiteral("/update.swu");
    if (!runTool(QStringLiteral("bash"),
                 { QStringLiteral("-c"),
                   QStringLiteral("printf 'sw-description\\nsw-description.sig\\nhello.txt\\n' | cpio -o -H crc > '%1'")
                       .arg(swu) },
                 work))
        return {};
    return swu;
}

} // namespace FlotillaTest
